/** Types of the SMTP knowledge base read by `explain` and by diagnosis findings. */

import type { ReplyClass } from "../protocol/classify.js";
export type { ReplyClass };

/** 2xx/3xx none, 4xx soft, 5xx hard. */
export type Bounce = "none" | "soft" | "hard";

/**
 * What a code means and where that meaning comes from: the code tables hold meanings and sources
 * only; causes and fixes are the root-cause model's (root-causes.ts, cause-signs.ts).
 */
export interface Meaning {
  /** What the code means, in plain words. */
  meaning: string;
  /** Where the meaning comes from: RFC section or IANA registry. */
  source: string;
}

export interface ReplyCodeEntry extends Meaning {
  code: number;
}

/** An enhanced status code "X.s.d"; the class digit is left out. */
export interface EnhancedCodeEntry extends Meaning {
  subject: number;
  detail: number;
}

export interface Explanation {
  code: number | null;
  enhanced: string | null;
  class: ReplyClass;
  bounce: Bounce;
  meaning: string;
  causes: string[];
  fixes: string[];
  sources: string[];
}
