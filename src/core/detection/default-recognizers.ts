import type { Recognizer } from './recognizer.js';
import { cardCvvRecognizer } from './recognizers/card-cvv/card-cvv-recognizer.js';
import { cnpjRecognizer } from './recognizers/cnpj/cnpj-recognizer.js';
import { cpfRecognizer } from './recognizers/cpf/cpf-recognizer.js';
import { creditCardRecognizer } from './recognizers/credit-card/credit-card-recognizer.js';
import { dateOfBirthRecognizer } from './recognizers/date-of-birth/date-of-birth-recognizer.js';
import { emailRecognizer } from './recognizers/email/email-recognizer.js';
import { ibanRecognizer } from './recognizers/iban/iban-recognizer.js';
import { ipAddressRecognizer } from './recognizers/ip-address/ip-address-recognizer.js';
import { personRecognizer } from './recognizers/person/person-recognizer.js';
import { phoneRecognizer } from './recognizers/phone/phone-recognizer.js';
import { streetAddressRecognizer } from './recognizers/street-address/street-address-recognizer.js';
import { usSsnRecognizer } from './recognizers/us-ssn/us-ssn-recognizer.js';

/** The built-in recognizers for the twelve canonical types. */
export function defaultRecognizers(): Recognizer[] {
  return [
    emailRecognizer,
    ibanRecognizer,
    creditCardRecognizer,
    cardCvvRecognizer,
    cpfRecognizer,
    cnpjRecognizer,
    usSsnRecognizer,
    ipAddressRecognizer,
    dateOfBirthRecognizer,
    phoneRecognizer,
    personRecognizer,
    streetAddressRecognizer,
  ];
}
