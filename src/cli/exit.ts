/** The command's exit statuses. 3 is set by ./index.ts for smtp-gate's own bugs; 4 also when standard output cannot be written. */
export const EXIT = { ok: 0, fail: 1, usage: 2, internal: 3, output: 4 } as const;
