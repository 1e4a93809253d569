/** Types of the SMTP knowledge base read by `explain` and by diagnosis findings. */

import type { ReplyClass } from "../protocol/classify.js";
export type { ReplyClass };

/** 2xx/3xx none, 4xx soft, 5xx hard. */
export type Bounce = "none" | "soft" | "hard";

export interface Advice {
  /** What the code means, in plain words. */
  meaning: string;
  /** Likely causes, most likely first. */
  causes: string[];
  /** What to do about it. */
  fixes: string[];
  /** Where the meaning comes from: RFC section or IANA registry. */
  source: string;
}

export interface ReplyCodeEntry extends Advice {
  code: number;
}

/** An enhanced status code "X.s.d"; the class digit is left out. */
export interface EnhancedCodeEntry extends Advice {
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
