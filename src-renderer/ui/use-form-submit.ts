/**
 * Submitting a Mantine form through one service call: the call's error is kept for <FormError>
 * (after marking the fields it names), and cleared when the form is sent again. Every form of the
 * desk works this way, so the state and the wiring live here once.
 */
import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useErrorText } from '../i18n/errors';

interface FormSubmitOptions<Values, Result> {
  mutationFn: (values: Values) => Promise<Result>;
  onSuccess: (result: Result) => void;
  /** Runs after the error is shown, for what a failure also undoes (e.g. clearing a password). */
  onError?: (thrown: unknown) => void;
  /** How the error message names the fields it lists, as the form labels them. */
  fieldLabels?: Record<string, string>;
}

export function useFormSubmit<Values, Result>(form: UseFormReturnType<Values>, options: FormSubmitOptions<Values, Result>) {
  const { forForm } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: options.mutationFn,
    // What was sent (often a password) must not outlive the form in the mutation cache.
    gcTime: 0,
    onSuccess: options.onSuccess,
    onError: (thrown) => {
      setError(forForm(form, thrown, options.fieldLabels));
      options.onError?.(thrown);
    },
  });

  const onSubmit = form.onSubmit((values) => {
    setError(null);
    mutation.mutate(values);
  });

  /** Forgets what was typed and the last error, for a form that is closed and opened again. */
  const discard = () => {
    form.reset();
    setError(null);
  };

  return { onSubmit, error, pending: mutation.isPending, discard };
}
