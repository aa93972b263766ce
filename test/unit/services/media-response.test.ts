import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaResponse } from '../../../electron/services/media/media-response';
import { tempDir } from './temp-dir';

async function bytes(stream: Readable | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('mediaResponse', () => {
  const dir = tempDir('osea-media-');
  const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  beforeAll(() => {
    mkdirSync(dir.path, { recursive: true });
    writeFileSync(join(dir.path, 'clip.mp4'), content);
    writeFileSync(join(dir.path, 'frames.json'), '{}');
  });
  afterAll(() => dir.remove());

  it('serves the whole file with 200 and Accept-Ranges', async () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', undefined);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'Accept-Ranges': 'bytes', 'Content-Length': '1000', 'Content-Type': 'video/mp4' });
    expect((await bytes(answer.body)).equals(content)).toBe(true);
  });

  it('answers bytes=100-199 with 206 and exactly those bytes', async () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', 'bytes=100-199');
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({ 'Content-Range': 'bytes 100-199/1000', 'Content-Length': '100' });
    expect((await bytes(answer.body)).equals(content.subarray(100, 200))).toBe(true);
  });

  it('answers a suffix range with the last bytes', async () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', 'bytes=-500');
    expect(answer.headers['Content-Range']).toBe('bytes 500-999/1000');
    expect((await bytes(answer.body)).equals(content.subarray(500))).toBe(true);
  });

  it('answers bytes=0- with 206 for the whole file', async () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', 'bytes=0-');
    expect((await bytes(answer.body)).equals(content)).toBe(true);
    expect(answer.status).toBe(206);
    expect(answer.headers['Content-Range']).toBe('bytes 0-999/1000');
  });

  it('answers an unsatisfiable range with 416 and bytes */size', () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', 'bytes=2000-');
    expect(answer.status).toBe(416);
    expect(answer.headers['Content-Range']).toBe('bytes */1000');
    expect(answer.body).toBeNull();
  });

  it('sends no body for HEAD', () => {
    const answer = mediaResponse(dir.path, 'clip.mp4', 'bytes=0-9', 'HEAD');
    expect(answer.status).toBe(206);
    expect(answer.body).toBeNull();
  });

  it('types by extension and refuses traversal', async () => {
    const json = mediaResponse(dir.path, 'frames.json', undefined);
    expect((await bytes(json.body)).toString()).toBe('{}');
    expect(json.headers['Content-Type']).toBe('application/json');
    expect(mediaResponse(dir.path, '%2e%2e/etc/passwd', undefined).status).toBe(403);
  });
});
