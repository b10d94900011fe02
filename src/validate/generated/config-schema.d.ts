// Types for the standalone config validator that scripts/build.mjs generates next to this file.
import type { ErrorObject } from 'ajv';

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validate: GeneratedValidator;
export default validate;
