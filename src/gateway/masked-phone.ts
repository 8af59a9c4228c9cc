import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A WhatsApp id (digits with country code) as an agent may see it: country code and area code kept
 * (where the customer is), the last four kept (to tell customers apart in a conversation), every other
 * digit masked: 5511912344321 → "+55 11 *****-4321". Not an identity key: masked numbers collide.
 */
export function maskPhone(waId: string): string {
  const digits = waId.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  const international = parsed?.isPossible() ? parsed.formatInternational() : undefined;
  // "+55 11 91234 4321" → groups after the country code; without metadata, two digits of country code.
  const groups = international?.split(' ').slice(1) ?? [digits.slice(2)];
  const country = parsed?.isPossible() ? parsed.countryCallingCode : digits.slice(0, 2);
  const area = groups.length > 2 ? groups[0]! : '';
  const rest = groups
    .slice(area ? 1 : 0)
    .join('')
    .replace(/\D/g, '');
  const last4 = rest.slice(-4);
  const masked = `${'*'.repeat(Math.max(rest.length - 4, 0))}-${last4}`;
  return [`+${country}`, area, masked].filter((part) => part.length > 0).join(' ');
}
