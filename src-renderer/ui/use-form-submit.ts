/**
 * Submitting a Mantine form through one service call: the call's error is kept for <FormError>
 * (after marking the fields it names), and cleared when the form is sent again. Every form of the
 * desk works this way, so the state and the wiring live here once. `useFormCall` is the common
 * case, a form sent as one operation of the contract.
 */
import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import { call, type InputArgs } from '../api/client';
import { useErrorText } from '../i18n/errors';

interface FormSubmitOptions<Values, Result> {
  mutationFn: (values: Values) => Promise<Result>;
  onSuccess: (result: Result) => void;
  /** Runs after the error is shown, for what a failure also undoes (e.g. clearing a password). */
  onError?: (thrown: unknown) => void;
  /** How the error message names the fields it lists, as the form labels them. */
  fieldLabels?: Record<string, string>;
}

export function useFormSubmit<Values, Result>(
  form: UseFormReturnType<Values>,
  options: FormSubmitOptions<Values, Result>,
) {
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

type FormCallOptions<N extends OperationName, Values> = Omit<FormSubmitOptions<Values, OutputOf<N>>, 'mutationFn'> & {
  /** The operation's input from the form's values. */
  input: (values: Values) => InputOf<N>;
};

/** A form sent as one operation: `useFormCall(form, 'staff.create', { input: (values) => values, onSuccess })`. */
export function useFormCall<N extends OperationName, Values>(
  form: UseFormReturnType<Values>,
  operation: N,
  { input, ...options }: FormCallOptions<N, Values>,
) {
  return useFormSubmit(form, {
    ...options,
    mutationFn: (values: Values) => call(operation, ...([input(values)] as InputArgs<N>)),
  });
}
