import { z } from './zod';

/** Node ids: a-z, 0-9 and "-", starting with a letter or digit (format.md section 1). */
export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** The zod schema of a node id, with the messages the loader shows. */
export const idSchema = z
  .string()
  .max(64, 'ids are at most 64 characters')
  .regex(ID_RE, 'ids use a-z, 0-9 and "-" and start with a letter or digit');
