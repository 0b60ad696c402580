import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DomainError, ErrorCode } from '../errors/error-code';
import { OrgRole, ProjectRole } from '../authz/roles';
import { emailSchema, normalizeEmail, personNameSchema } from '../tenancy/validation';

export const BULK_INVITE_MAX_ROWS = 500;
export const BULK_INVITE_MAX_BYTES = 1024 * 1024;
const REQUIRED_COLUMNS = ['email', 'name', 'role'] as const;
const OPTIONAL_COLUMNS = ['project', 'projectRole'] as const;

/** Why a row was not invited; stable codes the SPA and the CSV report show. */
export const BulkInviteFailure = {
  INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_NAME: 'INVALID_NAME',
  INVALID_ROLE: 'INVALID_ROLE',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  INVALID_PROJECT_ROLE: 'INVALID_PROJECT_ROLE',
  UNKNOWN_PROJECT: 'UNKNOWN_PROJECT',
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  ALREADY_INVITED: 'ALREADY_INVITED',
} as const;
export type BulkInviteFailure = (typeof BulkInviteFailure)[keyof typeof BulkInviteFailure];

export interface BulkInviteRow {
  /** 1-based data row number (the header is row 0), as a spreadsheet user counts. */
  row: number;
  email: string;
  name: string;
  role: OrgRole;
  project: string | null;
  projectRole: ProjectRole | null;
  failure: BulkInviteFailure | null;
  reason: string | null;
}

const fileError = (message: string) => new DomainError(ErrorCode.VALIDATION, message, { field: 'csv' });

/** Parses the file whole: a file that is not CSV, has the wrong header, is too big or too long is refused before any row is judged. */
export function parseInviteCsv(text: string): BulkInviteRow[] {
  if (Buffer.byteLength(text, 'utf8') > BULK_INVITE_MAX_BYTES) throw fileError(`The file is larger than ${BULK_INVITE_MAX_BYTES / 1024 / 1024} MiB`);
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (error) {
    throw fileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  const columns = header?.map((c) => c.trim());
  const expected = [REQUIRED_COLUMNS, [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]];
  if (!columns || !expected.some((cols) => cols.length === columns.length && cols.every((c, i) => c.toLowerCase() === columns[i]!.toLowerCase()))) {
    throw fileError(`The header must be "email,name,role" or "email,name,role,project,projectRole"; found "${(columns ?? []).join(',')}"`);
  }
  if (data.length === 0) throw fileError('The file has no data rows');
  if (data.length > BULK_INVITE_MAX_ROWS) throw fileError(`The file has ${data.length} data rows; at most ${BULK_INVITE_MAX_ROWS} are allowed`);
  return markDuplicates(data.map((cells, index) => judgeRow(index + 1, cells)));
}

function judgeRow(row: number, [email = '', name = '', role = '', project = '', projectRole = '']: string[]): BulkInviteRow {
  const base = {
    row,
    email: normalizeEmail(email),
    name: name.trim(),
    role: OrgRole.MEMBER as OrgRole,
    project: project.trim() || null,
    projectRole: null as ProjectRole | null,
  };
  const fail = (failure: BulkInviteFailure, reason: string): BulkInviteRow => ({ ...base, failure, reason });
  if (!emailSchema.safeParse(email).success) return fail(BulkInviteFailure.INVALID_EMAIL, `"${email}" is not a valid email address`);
  if (!personNameSchema.safeParse(name).success) return fail(BulkInviteFailure.INVALID_NAME, 'The name must be 1 to 100 characters');
  const orgRole = role.trim().toUpperCase();
  if (orgRole !== OrgRole.ADMIN && orgRole !== OrgRole.MEMBER) return fail(BulkInviteFailure.INVALID_ROLE, `Role "${role}" must be admin or member`);
  const parsedProjectRole = projectRole.trim().toUpperCase() || (base.project ? ProjectRole.MEMBER : '');
  if (parsedProjectRole && (!base.project || (parsedProjectRole !== ProjectRole.OWNER && parsedProjectRole !== ProjectRole.MEMBER))) {
    return fail(
      BulkInviteFailure.INVALID_PROJECT_ROLE,
      base.project ? `Project role "${projectRole}" must be owner or member` : 'A project role needs a project',
    );
  }
  return { ...base, role: orgRole, projectRole: (parsedProjectRole || null) as ProjectRole | null, failure: null, reason: null };
}

/** Emails compare case- and space-insensitively; the first occurrence wins. */
function markDuplicates(rows: BulkInviteRow[]): BulkInviteRow[] {
  const firstRow = new Map<string, number>();
  return rows.map((r) => {
    if (r.failure) return r;
    const first = firstRow.get(r.email);
    if (first === undefined) {
      firstRow.set(r.email, r.row);
      return r;
    }
    return { ...r, failure: BulkInviteFailure.DUPLICATE_IN_FILE, reason: `Same email as row ${first}` };
  });
}

export interface BulkInviteReportRecord {
  row: number;
  email: string;
  name: string;
  status: 'SUCCESS' | 'FAILED';
  code: BulkInviteFailure | null;
  reason: string | null;
  inviteUrl: string | null;
}

/** The report as RFC 4180 CSV, with spreadsheet formulas neutralised. */
export function bulkInviteReportCsv(records: readonly BulkInviteReportRecord[]): string {
  const rows = records.map((r) =>
    [r.row, r.email, r.name, r.status, r.code ?? '', r.reason ?? '', r.inviteUrl ?? ''].map((cell) => neutraliseFormula(String(cell))),
  );
  return stringify([['row', 'email', 'name', 'status', 'code', 'reason', 'inviteUrl'], ...rows], { record_delimiter: '\r\n' });
}

/** A cell a spreadsheet would evaluate gets a leading apostrophe (OWASP's CSV-injection advice). */
export const neutraliseFormula = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
