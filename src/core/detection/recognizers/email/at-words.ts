/** The words an "at" marker of a spelled-out address is made of ("[at]", "(arroba)", " at "). */
export const AT_WORDS: readonly string[] = ['at', 'arroba'];
