/** Cancellation policies as stored (JSON); rows made before policies existed cancel for free. The rule lives in src-shared, where the server reads it too. */
export { readPolicy, writePolicy } from '@shared/rules/cancellation';
