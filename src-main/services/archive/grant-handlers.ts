/** Placeholder until its helper writes it (issue 15). */
export const downloadGrantHandlers = {};
