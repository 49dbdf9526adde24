import type { Localized } from '../knowledge/knowledge-schemas.ts';
import type { ContraindicationKind, RedFlagId, Urgency, ZoneRef } from './screening-schemas.ts';

export type ScreeningOutcome = 'proceed' | 'proceed_with_precautions' | 'refer_before_treatment';

/**
 * positive: the answers meet the rule. not_ruled_out: the rule could hold and a required question
 * it depends on was left unanswered, so screening errs towards referral.
 */
export type Certainty = 'positive' | 'not_ruled_out';

export interface RedFlagFinding {
  id: RedFlagId;
  name: Localized;
  suspect: Localized;
  /** The rule's urgency, raised by any escalation that applies. */
  urgency: Urgency;
  certainty: Certainty;
  /** The answers that triggered it, e.g. "rf-saddle-numbness: yes", "age: 55", "pain-map: temple (left) 6/10". */
  reasons: string[];
  referTo: Localized;
  tests: Localized[];
  suspendsTriggerPointReasoning: boolean;
}

export interface ContraindicationFinding {
  id: string;
  name: Localized;
  kind: ContraindicationKind;
  certainty: Certainty;
  reasons: string[];
  /** Zones concerned: avoided for local rules, worked with care for relative ones. */
  zones: ZoneRef[];
}

export interface Precaution {
  /** The rule that asks for it (a contraindication, or a red flag whose question was not answered). */
  ruleId: string;
  text: Localized;
  zones?: ZoneRef[];
}

export interface AvoidZone extends ZoneRef {
  ruleIds: string[];
}

export interface PhysicianReferral {
  urgency: Urgency;
  /** Only for an emergency: "Call 998 now … Reason: …", naming the suspects and what escalated them. */
  emergencyAction?: Localized;
  reason: Localized;
  referTo: Localized[];
  suggestedTests: Localized[];
}

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  /** Most urgent first. */
  redFlags: RedFlagFinding[];
  contraindications: ContraindicationFinding[];
  precautions: Precaution[];
  avoidZones: AvoidZone[];
  suspendTriggerPointReasoning: boolean;
  physicianReferral?: PhysicianReferral;
  /** Safety questions the rules needed and the patient left blank: ask them before treatment. */
  unansweredSafetyQuestions: string[];
  /** Precaution rules that a physician must clear before the first session (the gate blocks until then). */
  clearanceRequired: string[];
  /** Combinations that raised a flag's urgency, with why. */
  escalatedBy: { id: string; flags: RedFlagId[]; because: Localized }[];
  /** Free text the rules cannot read (a condition typed under "other"): the clinician must read it. */
  freeText: { linkId: string; question: Localized; text: string }[];
}
