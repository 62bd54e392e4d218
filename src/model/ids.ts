import { z } from './zod';
import { ID_RE } from './id-pattern';

export { ID_RE };

/** The zod schema of a node id, with the messages the loader shows. */
export const idSchema = z
  .string()
  .max(64, 'ids are at most 64 characters')
  .regex(ID_RE, 'ids use a-z, 0-9 and "-" and start with a letter or digit');
