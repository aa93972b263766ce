import { Upload, type DetailedError } from 'tus-js-client';

export interface UploadOutcome {
  ok: boolean;
  url: string | null;
  status: number | undefined;
  body: string | undefined;
}

/** Uploads with the real tus client, as the workstation does; resolves with the outcome instead of throwing. */
export function tusUpload(
  endpoint: string,
  token: string,
  bytes: Buffer,
  metadata: Record<string, string>,
  options: { chunkSize?: number; uploadUrl?: string; stopAfterBytes?: number } = {},
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const upload: Upload = new Upload(bytes, {
      endpoint,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      headers: { authorization: `Bearer ${token}` },
      metadata,
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: [],
      onProgress(sent) {
        if (options.stopAfterBytes !== undefined && sent >= options.stopAfterBytes) {
          void upload.abort().then(() => resolve({ ok: false, url: upload.url, status: undefined, body: 'stopped' }));
        }
      },
      onSuccess() {
        resolve({ ok: true, url: upload.url, status: 204, body: undefined });
      },
      onError(error) {
        const response = (error as DetailedError).originalResponse;
        resolve({ ok: false, url: upload.url, status: response?.getStatus(), body: response?.getBody() });
      },
    });
    upload.start();
  });
}
