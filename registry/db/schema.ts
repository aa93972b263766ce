import type { Generated } from 'kysely';

/**
 * Column types shared by SQLite and PostgreSQL: text ids (UUIDs), ISO-8601 text timestamps, JSON as text, booleans as
 * 0/1 integers — so one set of queries runs on both dialects.
 */
export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  roles: string;
  institution_id: string | null;
  created_at: string;
}

export interface ExpertsTable {
  account_id: string;
  status: string;
  specialties: string;
  affiliations: string;
  created_at: string;
  version: number;
}

export interface TokenFamiliesTable {
  id: string;
  account_id: string;
  revoked_at: string | null;
  created_at: string;
}

export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  account_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AccessTokensTable {
  token_hash: string;
  family_id: string;
  account_id: string;
  expires_at: string;
}

export interface InstitutionsTable {
  id: string;
  name: string;
  uscc: string;
  type: string;
  province: string;
  filing_ref: string | null;
  created_at: string;
  version: number;
}

export interface PractitionersTable {
  id: string;
  institution_id: string;
  name: string;
  resident_id_cipher: string;
  resident_id_hash: string;
  resident_id_masked: string;
  gender: string;
  birth_date: string;
  created_at: string;
  version: number;
}

export interface CertificatesTable {
  id: string;
  practitioner_id: string;
  number: string;
  kind: string;
  occupation_code: string;
  occupation_name: string;
  level: number;
  issuer: string;
  issue_date: string;
  created_at: string;
}

export interface MarkingSchemesTable {
  id: string;
  version: number;
  occupation_code: string;
  level: number;
  content: string;
  content_hash: string;
  created_at: string;
}

export interface SubmissionsTable {
  id: string;
  institution_id: string;
  practitioner_id: string;
  certificate_id: string;
  scheme_id: string;
  scheme_version: number;
  state: string;
  training: string;
  videos: string;
  round: number;
  result: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ReviewTasksTable {
  id: string;
  submission_id: string;
  expert_account_id: string;
  scheme_id: string;
  scheme_version: number;
  round: number;
  state: string;
  due_at: string;
  version: number;
  replaced_by: string | null;
  /** Why the task is in its state (withdraw/reassign reason, declared conflict); migration 0103. */
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Which uploaded originals a submission names (migration 0102): found by sha256 when their ingest ends. */
export interface SubmissionVideosTable {
  submission_id: string;
  original_sha256: string;
}

export interface DecisionsTable {
  id: string;
  task_id: string;
  submission_id: string;
  round: number;
  expert_account_id: string;
  mark_sheet: string;
  signature: string;
  decision_hash: string;
  created_at: string;
}

export interface ExpertKeysTable {
  key_id: string;
  account_id: string;
  device_id: string;
  public_key_spki: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  account_id: string;
  last_seq: number;
}

export interface OpsTable {
  op_id: string;
  device_id: string;
  account_id: string;
  seq: number;
  kind: string;
  payload_hash: string;
  status: string;
  result: string;
  applied_at: string;
}

export interface ChangesTable {
  seq: Generated<number>;
  entity: string;
  entity_id: string;
  data: string;
  scope_account_id: string | null;
  scope_institution_id: string | null;
  scope_all: number;
  created_at: string;
}

export interface RegistryDatabase {
  accounts: AccountsTable;
  experts: ExpertsTable;
  token_families: TokenFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  access_tokens: AccessTokensTable;
  institutions: InstitutionsTable;
  practitioners: PractitionersTable;
  certificates: CertificatesTable;
  marking_schemes: MarkingSchemesTable;
  submissions: SubmissionsTable;
  submission_videos: SubmissionVideosTable;
  review_tasks: ReviewTasksTable;
  decisions: DecisionsTable;
  expert_keys: ExpertKeysTable;
  devices: DevicesTable;
  ops: OpsTable;
  changes: ChangesTable;
}
