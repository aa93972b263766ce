import type { IngestRejectionReason } from '../../shared/domain/media/ingest-rejection';

/** An upload the registry refuses to ingest; `detail` is for people (no file paths of the server in it). */
export class IngestRejection extends Error {
  constructor(
    readonly reason: IngestRejectionReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'IngestRejection';
  }
}
