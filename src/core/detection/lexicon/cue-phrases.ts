import { OTHER } from '../cues.js';

/**
 * Words that announce what the following value is, in pt-BR, en and es. Matching is on
 * lower-case, accent-free words, so "cartão", "cartao" and "CARTÃO" are one entry. A phrase
 * matches as a whole word sequence; the longest phrase ending at a word wins.
 */
export const CUE_PHRASES: Readonly<Record<string, readonly string[]>> = {
  CPF: ['cpf', 'c p f', 'cadastro de pessoa fisica', 'cadastro de pessoas fisicas'],
  CNPJ: ['cnpj', 'c n p j', 'cadastro nacional da pessoa juridica'],
  CREDIT_CARD: [
    'cartao', 'cartoes', 'cartao de credito', 'cartao de debito', 'numero do cartao', 'card', 'credit card',
    'debit card', 'card number', 'card no', 'tarjeta', 'tarjeta de credito', 'tarjeta de debito',
    'numero de tarjeta', 'numero de la tarjeta', 'visa', 'mastercard', 'master', 'amex', 'american express',
    'elo', 'hipercard', 'diners', 'discover', 'jcb', 'credito', 'debito', 'credit', 'debit', 'pan',
  ],
  CARD_CVV: [
    'cvv', 'cvv2', 'cvc', 'cvc2', 'cid', 'csc', 'codigo de seguranca', 'cod seguranca', 'cod de seguranca',
    'codigo seguranca', 'codigo verificador', 'codigo de verificacao', 'security code', 'card security code',
    'verification code', 'codigo de seguridad', 'cod de seguridad', 'codigo de verificacion',
    'tres numeros atras', 'tres numeros de tras', 'tres digitos', 'tres numeros', '3 numeros', '3 digitos',
    'three digits', '3 digits', 'digits on the back', 'numbers on the back', 'digitos de atras',
    'numeros de atras', 'numeros detras', 'numeros atras',
  ],
  US_SSN: ['ssn', 'social security', 'social security number', 'social', 'seguro social', 'numero de seguro social', 'itin'],
  PHONE: [
    'telefone', 'tel', 'tels', 'fone', 'cel', 'celular', 'whatsapp', 'whats', 'zap', 'zapzap', 'wpp', 'contato',
    'ligar', 'liga', 'ligue', 'ligo', 'ligou', 'liguei', 'ligamos', 'ligaram', 'ligando', 'ligacao', 'ligacoes', 'called', 'calling', 'dial', 'llamada', 'llamaron', 'llamado', 'numero para contato', 'phone', 'phone number',
    'cell', 'cellphone', 'mobile', 'call', 'call me', 'text', 'text me', 'reach me', 'fax', 'landline', 'telefono',
    'movil', 'llamar', 'llamame', 'llamenme', 'llame', 'llamo', 'numero de contacto', 'contacto', 'whatsap',
    'ramal', 'number to reach me', 'my number', 'new number', 'old number', 'meu numero', 'mi numero',
  ],
  DATE_OF_BIRTH: [
    'nasci', 'nasceu', 'nascido', 'nascida', 'nascimento', 'data de nascimento', 'data nascimento', 'dt nasc',
    'dt nascimento', 'data de nasc', 'data nasc', 'nasc', 'aniversario', 'dn', 'born', 'born on', 'birth',
    'date of birth', 'birth date', 'birthdate', 'dob', 'd o b', 'birthday', 'naci', 'nacio', 'nacido', 'nacida',
    'nacimiento', 'fecha de nacimiento', 'f nac', 'fec nac', 'cumpleanos', 'mi cumpleanos', 'cumple',
  ],
  IBAN: ['iban'],
  IP_ADDRESS: ['ip', 'endereco ip', 'ip address', 'direccion ip', 'ipv4', 'ipv6'],
  [OTHER]: [
    'pedido', 'pedidos', 'order', 'orders', 'order number', 'orden', 'ordem', 'protocolo', 'protocol', 'ticket',
    'chamado', 'caso', 'case', 'nota', 'nota fiscal', 'nf', 'nfe', 'invoice', 'factura', 'boleto',
    'linha digitavel', 'rastreio', 'rastreamento', 'codigo de rastreio', 'tracking', 'tracking number',
    'seguimiento', 'numero de seguimiento', 'guia', 'sku', 'codigo do produto', 'codigo de produto',
    'codigo del producto', 'product code', 'produto', 'producto', 'product', 'item', 'codigo de barras',
    'barcode', 'ean', 'serial', 'serie', 'numero de serie', 'serial number', 'imei', 'versao', 'version',
    'firmware', 'build', 'release', 'cep', 'zip', 'zip code', 'zipcode', 'postal', 'codigo postal',
    'postal code', 'postcode', 'cp', 'ref', 'referencia', 'reference', 'lote', 'lot', 'batch', 'localizador',
    'reserva', 'booking', 'confirmation', 'confirmacao', 'confirmacion', 'agencia', 'conta corrente',
    'account number', 'routing', 'clabe', 'cbu', 'sort code', 'valor', 'total', 'amount', 'monto', 'importe',
    'validade', 'vencimento', 'vence', 'venc', 'val', 'exp', 'expiry', 'expiration', 'expires', 'valid thru',
    'vencimiento', 'caducidad', 'final', 'terminado em', 'terminada em', 'ending in', 'ends in', 'termina en',
    'ultimos', 'last four', 'last 4', 'matricula', 'registro', 'rg', 'cnh', 'dni', 'nie', 'passaporte',
    'passport', 'pasaporte', 'renavam', 'placa', 'chassi', 'id do cliente', 'customer id', 'cliente desde',
    'senha', 'password', 'codigo', 'code', 'cod', 'incidencia', 'incidente', 'incident', 'ocorrencia', 'solicitacao', 'solicitud', 'request', 'requerimento', 'atendimento', 'numero de atendimento', 'reclamacao', 'reclamo', 'queja', 'complaint', 'claim', 'sinistro', 'apolice', 'poliza', 'policy', 'contrato', 'contract', 'fatura', 'cupom', 'cupon', 'coupon', 'voucher', 'gift card', 'vale', 'pin', 'otp', 'codigo de verificacao do app', 'token',
  ],
};
