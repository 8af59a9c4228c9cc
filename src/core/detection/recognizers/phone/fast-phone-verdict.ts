import { Metadata } from 'libphonenumber-js/max';

/**
 * libphonenumber's own verdict (valid, else possible, else neither), answered from its metadata with
 * regular expressions compiled once. The library rebuilds a RegExp from the metadata's source text on
 * every check, which made phone validation the largest single cost of detection. Answered here:
 * national numbers with the trunk prefixes the plan strips as they are, exit codes and calling codes typed
 * without "+" as the library reads them. Prefixes rewritten by a transform rule (carrier codes,
 * Argentina's "15") and non-geographic codes return `undefined` and go to the library, so an answer
 * from here is always the library's own (a differential test compares the two on many numbers).
 */

export type PhoneVerdict = 'valid' | 'possible' | 'none';

/** The metadata accessors libphonenumber-js has at run time but leaves out of its typings. */
interface PlanAccessors {
  callingCode(): string;
  possibleLengths(): number[] | undefined;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface MetadataAccessors {
  selectNumberingPlan(countryOrCallingCode: string): void;
  readonly numberingPlan: PlanAccessors;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): readonly string[] | undefined;
}

/** The order of libphonenumber's getNumberType; any match makes the number valid. */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

const MAX_CALLING_CODE_DIGITS = 3;
/** libphonenumber's pseudo-country for non-geographic codes (+800, +882...). */
const NON_GEOGRAPHIC = '001';

interface CompiledPlan {
  readonly callingCode: string;
  readonly iddPrefix: RegExp;
  readonly nationalPrefix: RegExp | undefined;
  readonly hasTransformRule: boolean;
  readonly leadingDigits: RegExp | undefined;
  readonly nationalNumber: RegExp;
  /** Possible national lengths, ascending; undefined when the plan lists none (any length). */
  readonly possibleLengths: readonly number[] | undefined;
  readonly types: readonly { readonly pattern: RegExp; readonly lengths: readonly number[] | undefined }[];
}

const metadata = new Metadata() as unknown as MetadataAccessors;
const plans = new Map<string, CompiledPlan>();

const whole = (source: string) => new RegExp(`^(?:${source})$`);
const leading = (source: string) => new RegExp(`^(?:${source})`);

function planOf(country: string): CompiledPlan {
  let plan = plans.get(country);
  if (plan === undefined) {
    metadata.selectNumberingPlan(country);
    const p = metadata.numberingPlan;
    const prefix = p.nationalPrefixForParsing();
    const lead = p.leadingDigits();
    plan = {
      callingCode: p.callingCode(),
      iddPrefix: leading(p.IDDPrefix()),
      nationalPrefix: prefix ? leading(prefix) : undefined,
      hasTransformRule: Boolean(p.nationalPrefixTransformRule()),
      leadingDigits: lead ? leading(lead) : undefined,
      nationalNumber: whole(p.nationalNumberPattern()),
      possibleLengths: p.possibleLengths(),
      types: NUMBER_TYPES.flatMap((name) => {
        const type = p.type(name);
        const pattern = type?.pattern();
        return type && pattern ? [{ pattern: whole(pattern), lengths: type.possibleLengths() }] : [];
      }),
    };
    plans.set(country, plan);
  }
  return plan;
}

/** getNumberType(...) !== undefined, for a national number already stripped of every prefix. */
function hasNumberType(plan: CompiledPlan, national: string): boolean {
  if (!plan.nationalNumber.test(national)) return false;
  for (const type of plan.types)
    if ((type.lengths === undefined || type.lengths.includes(national.length)) && type.pattern.test(national))
      return true;
  return false;
}

/**
 * The country libphonenumber settles on among those sharing a calling code (getCountryByNationalNumber):
 * the first whose leading digits start the number or, lacking those, whose patterns accept it.
 */
function countryFor(callingCode: string, national: string): string | undefined {
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  if (countries === undefined || countries.length === 0) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = planOf(country);
    if (plan.leadingDigits !== undefined) {
      if (plan.leadingDigits.test(national)) return country;
    } else if (hasNumberType(plan, national)) return country;
  }
  return undefined;
}

/** checkNumberLength() against a plan's possible lengths (ascending), as the library words it. */
function lengthCheck(
  length: number,
  lengths: readonly number[] | undefined,
): 'possible' | 'short' | 'long' | 'invalid' {
  if (lengths === undefined || lengths[0] === length) return 'possible';
  if (lengths[0]! > length) return 'short';
  if (lengths[lengths.length - 1]! < length) return 'long';
  return lengths.includes(length) ? 'possible' : 'invalid';
}

/**
 * The national number as extractNationalNumber() leaves it: a trunk prefix ("0", "1") stripped only
 * when what remains still reads as a national number of a possible length. `undefined` for prefixes
 * rewritten by a transform rule (Argentina's "15", carrier codes), left to the library.
 */
function nationalNumberOf(number: string, callingCode: string, plan: CompiledPlan): string | undefined {
  const match = plan.nationalPrefix?.exec(number);
  if (match === null || match === undefined) return number;
  const groups = match.length - 1;
  if (groups > 0 && match[groups] && plan.hasTransformRule) return undefined;
  const stripped = number.slice(match[0].length);
  if (stripped === number) return number;
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(stripped)) return number;
  if (plan.possibleLengths !== undefined) {
    const country = countryFor(callingCode, stripped);
    const check = lengthCheck(stripped.length, (country ? planOf(country) : plan).possibleLengths);
    if (check === 'short' || check === 'invalid') return number;
  }
  return stripped;
}

/**
 * `fallbackCountry`: where the library leaves a number no country of its calling code claims, the
 * default country for a national number, the code's main country for an international one.
 */
function verdictFor(
  callingCode: string,
  number: string,
  prefixPlan: CompiledPlan,
  fallbackCountry: string,
): PhoneVerdict | undefined {
  const national = nationalNumberOf(number, callingCode, prefixPlan);
  if (national === undefined) return undefined;
  const plan = planOf(countryFor(callingCode, national) ?? fallbackCountry);
  if (hasNumberType(plan, national)) return 'valid';
  // isPossible(): the length alone, against the plan's possible lengths.
  return lengthCheck(national.length, plan.possibleLengths) === 'possible' ? 'possible' : 'none';
}

/**
 * What libphonenumber would say of `digits` (only digits, after an optional "+"), parsed with
 * `region` as the default country when there is no "+": valid, else possible, else none;
 * `undefined` when only the library can tell.
 */
export function fastPhoneVerdict(digits: string, region: string | undefined): PhoneVerdict | undefined {
  if (digits.startsWith('+')) {
    const number = digits.slice(1);
    if (number.startsWith('0')) return undefined;
    for (let i = 1; i <= MAX_CALLING_CODE_DIGITS && i < number.length; i++) {
      const callingCode = number.slice(0, i);
      if (!metadata.hasCallingCode(callingCode)) continue;
      // The national prefix is read with the plan of the code's main country, listed first.
      const main = metadata.getCountryCodesForCallingCode(callingCode)?.[0];
      if (main === undefined || main === NON_GEOGRAPHIC) return undefined;
      return verdictFor(callingCode, number.slice(i), planOf(main), main);
    }
    return undefined;
  }
  if (region === undefined) return undefined;
  const plan = planOf(region);
  // An international number typed with the region's exit code ("00 55 …"), as stripIddPrefix reads
  // it: an exit code followed by a "0" is not one.
  const exit = plan.iddPrefix.exec(digits);
  if (exit !== null && exit[0].length < digits.length && digits[exit[0].length] !== '0')
    return fastPhoneVerdict(`+${digits.slice(exit[0].length)}`, undefined);
  // The calling code typed without "+": the library keeps it as one when the number reads better
  // without it (extractCountryCallingCodeFromInternationalNumberWithoutPlusSign).
  if (digits.startsWith(plan.callingCode)) {
    const national = nationalNumberOf(digits, plan.callingCode, plan);
    const shorter = nationalNumberOf(digits.slice(plan.callingCode.length), plan.callingCode, plan);
    if (national === undefined || shorter === undefined) return undefined;
    if (
      (!plan.nationalNumber.test(national) && plan.nationalNumber.test(shorter)) ||
      lengthCheck(national.length, plan.possibleLengths) === 'long'
    )
      return fastPhoneVerdict(`+${digits}`, undefined);
  }
  return verdictFor(plan.callingCode, digits, plan, region);
}
