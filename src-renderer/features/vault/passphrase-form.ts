/** The schema of a form where a new recovery passphrase is typed twice. */
import { z } from 'zod';
import { passphrase } from '@shared/contract/vault';
import i18n from 'i18next';

export const passphraseMismatch = { path: ['confirmPassphrase'], error: () => i18n.t('vault.passphraseMismatch') };

export const newPassphraseSchema = z
  .object({ passphrase, confirmPassphrase: passphrase })
  .refine((values) => values.passphrase === values.confirmPassphrase, passphraseMismatch);
