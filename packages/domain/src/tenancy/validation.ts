import { z } from 'zod';
import { DomainError, ErrorCode } from '../errors/error-code';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email({ message: 'must be a valid email address' }).max(254, 'must be at most 254 characters'));

/** At least 10 characters mixing at least two of: lower case, upper case, digits, symbols. */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters')
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(p)).length >= 2,
    'must mix at least two of: lower case, upper case, digits, symbols',
  );

const trimmed = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const personNameSchema = trimmed(1, 100);
export const displayNameSchema = trimmed(1, 100);
/** Organization and project names are short identifiers: lower case, digits and dashes. */
export const slugSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(48, 'must be at most 48 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower case letters, digits and dashes, starting with a letter or digit');
export const descriptionSchema = z.string().trim().max(1000, 'must be at most 1000 characters');
export const uuidSchema = z.uuid({ message: 'must be a valid id' });

/** Parses input with a zod schema; the first issue becomes a VALIDATION error naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = [field, ...issue.path.map(String)].filter(Boolean).join('.') || 'input';
  throw new DomainError(ErrorCode.VALIDATION, `${name} ${issue.message}`, { field: name });
}

export const parseId = (value: unknown, field = 'id'): string => parseInput(uuidSchema, value, field);
