/** The rule of a "type the password again" field, shared by the setup wizard and the password change. */
import i18n from 'i18next';

/** Where a mismatch is shown; the message is read in the language of the moment, not of module load. */
export const confirmMismatch = { path: ['confirmPassword'], error: () => i18n.t('setup.passwordMismatch') };
