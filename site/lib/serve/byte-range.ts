/** The one byte range a request asks for, parsed by `range-parser` (the parser Express uses). */
import { combineRanges, parse } from 'range-parser';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The single range to send for a `Range` header against a file of `size` bytes:
 * null to send the whole file (no header, a malformed one, a unit other than bytes,
 * or several separate ranges, which this server does not answer piecewise), or
 * 'unsatisfiable' for a 416.
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header || header.length > 256) return null;
  const result = parse(size, header);
  if (result.type !== 'bytes' || result.code & 1) return null;
  if (result.ranges.length === 0) return result.code & 2 ? 'unsatisfiable' : null;
  const merged = combineRanges(result.ranges);
  return merged.length === 1 ? { start: merged[0]!.start, end: merged[0]!.end } : null;
}
