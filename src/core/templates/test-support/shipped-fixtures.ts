import { validateDefinition, type TemplateDefinition } from '../index.js';

/**
 * Template definitions shared by the tests that send against the WhatsApp simulator: a named-parameter
 * template with header, body and URL button, whose fallback chain is a simpler positional template and
 * then plain text.
 */

export const define = (raw: unknown): TemplateDefinition => {
  const result = validateDefinition(raw);
  if (!result.definition || result.violations.some((v) => v.severity === 'error'))
    throw new Error(`fixture invalid: ${JSON.stringify(result.violations)}`);
  return result.definition;
};

export const shipped = define({
  name: 'order_shipped',
  category: 'UTILITY',
  parameter_format: 'named',
  fallback: [
    { template: 'order_shipped_simple' },
    { text: 'Seu pedido foi enviado. Acompanhe pelo aplicativo.' },
  ],
  languages: {
    pt_BR: {
      components: [
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'Pedido {{order_id}} enviado',
          example: { header_text_named_params: [{ param_name: 'order_id', example: '1' }] },
        },
        {
          type: 'BODY',
          text: 'Olá {{first_name}}, seu pedido chega até {{delivery_date}}. Obrigado pela compra!',
          example: {
            body_text_named_params: [
              { param_name: 'first_name', example: 'Ana' },
              { param_name: 'delivery_date', example: 'sexta' },
            ],
          },
        },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Rastrear', url: 'https://shop.example.com/track/{{1}}', example: ['1'] },
          ],
        },
      ],
    },
  },
});
export const simple = define({
  name: 'order_shipped_simple',
  category: 'UTILITY',
  languages: {
    pt_BR: {
      components: [
        {
          type: 'BODY',
          text: 'Seu pedido {{1}} foi enviado e chega em breve.',
          example: { body_text: [['1']] },
        },
      ],
    },
  },
});
export const folder = new Map([shipped, simple].map((d) => [d.name, d]));

/** A send of `order_shipped` with the values of every step of its fallback chain. */
export const shippedRequest = {
  to: '+5511987654321',
  name: 'order_shipped',
  language: 'pt_BR',
  values: {
    named: { order_id: '12345', first_name: 'Ana', delivery_date: 'sexta' },
    buttons: { '0': '12345' },
  },
  fallbackValues: { order_shipped_simple: { body: ['12345'] } },
};
