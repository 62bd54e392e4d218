/** Node ids: a-z, 0-9 and "-", starting with a letter or digit (format.md section 1). Zod-free (see ids.ts). */
export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
