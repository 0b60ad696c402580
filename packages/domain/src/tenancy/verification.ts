import { z } from 'zod';
import { emailSchema } from './validation';

export const VerificationStatus = { PENDING: 'PENDING', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type VerificationStatus = (typeof VerificationStatus)[keyof typeof VerificationStatus];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const verificationRequestSchema = z.object({
  companyName: text(200),
  registrationNumber: text(100),
  contactName: text(100),
  contactEmail: emailSchema,
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code'),
});
export type VerificationRequest = z.output<typeof verificationRequestSchema>;
