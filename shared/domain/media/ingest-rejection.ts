import { z } from 'zod';

/**
 * Why an uploaded video was not turned into a review proxy. Stored on the submission and shown to the institution,
 * so each reason says what to do: re-export, re-record, or upload the whole file again.
 */
export const IngestRejectionReason = z.enum([
  /** the file is not a video container we accept (text, image, document…) */
  'not_a_video',
  /** a container without a video stream (e.g. audio only) */
  'no_video_stream',
  /** a video stream with no decodable frame */
  'zero_frames',
  /** the file ends early or its frames do not decode: usually an interrupted copy or upload */
  'truncated',
  /** longer, larger or of higher resolution than the registry accepts */
  'over_limit',
  /** ffmpeg could not make the proxy */
  'transcode_failed',
  /** the proxy's frames or timestamps differ from the source's */
  'verification_failed',
]);
export type IngestRejectionReason = z.infer<typeof IngestRejectionReason>;
