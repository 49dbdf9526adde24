import type { IntakeAnswers, IntakeAnswerValue } from '@myomap/domain/screening/intake-answers';
import { localizedText, type QuestionnaireIndex } from '@myomap/domain/screening/intake-questionnaire';
import { ITEM_CONTROL_EXTENSION, TEXT_AR_EXTENSION } from '@myomap/domain/screening/questionnaire-extensions';
import type { Questionnaire, QuestionnaireItem } from '@myomap/domain/screening/questionnaire-schemas';
import { resolveAnswer } from '@myomap/domain/screening/resolve-answer';
import type { Language } from '../../../lib/i18n/language.ts';

/**
 * How the form reads the questionnaire: its top-level groups are the steps, each item's type
 * (and itemControl extension) picks its control, and enableWhen decides what is shown.
 */

export interface FormStep {
  key: string;
  /** The group that is the step; undefined for loose top-level items gathered into one step. */
  group: QuestionnaireItem | undefined;
  items: readonly QuestionnaireItem[];
}

export function buildSteps(questionnaire: Questionnaire): FormStep[] {
  const steps: FormStep[] = [];
  let loose: QuestionnaireItem[] = [];
  for (const item of questionnaire.item) {
    if (item.type === 'group') {
      if (loose.length > 0) steps.push({ key: `loose-${steps.length}`, group: undefined, items: loose });
      loose = [];
      steps.push({ key: item.linkId, group: item, items: item.item ?? [] });
    } else loose.push(item);
  }
  if (loose.length > 0) steps.push({ key: `loose-${steps.length}`, group: undefined, items: loose });
  return steps;
}

export function textOf(item: QuestionnaireItem, language: Language): string {
  return localizedText(item)[language];
}

/**
 * A group's text is a title, sometimes followed by instructions ("Your goals. List 3 to 5…"):
 * the step list shows the title and the step shows the rest under it.
 */
export function splitTitle(text: string): { title: string; intro: string | undefined } {
  const match = /^(.+?[^\s.])\.\s+(.+)$/s.exec(text);
  return match ? { title: match[1] ?? text, intro: match[2] } : { title: text, intro: undefined };
}

export type AnswerOption = NonNullable<QuestionnaireItem['answerOption']>[number];

export function optionText(option: AnswerOption, language: Language): string {
  if (language === 'ar') return option.valueCoding.extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString ?? option.valueCoding.display;
  return option.valueCoding.display;
}

export type ControlKind =
  'group' | 'display' | 'pain-map' | 'body-zones' | 'boolean' | 'choice' | 'choices' | 'scale' | 'integer' | 'decimal' | 'date' | 'text' | 'string';

function itemControlCode(item: QuestionnaireItem): string | undefined {
  return item.extension?.find((e) => e.url === ITEM_CONTROL_EXTENSION)?.valueCodeableConcept?.coding[0]?.code;
}

export function numberRange(item: QuestionnaireItem): { min: number | undefined; max: number | undefined } {
  const value = (name: string) => item.extension?.find((e) => e.url === `http://hl7.org/fhir/StructureDefinition/${name}`)?.valueInteger;
  return { min: value('minValue'), max: value('maxValue') };
}

export function controlKind(item: QuestionnaireItem): ControlKind {
  const control = itemControlCode(item);
  if (control === 'pain-map' || control === 'body-zones') return control;
  switch (item.type) {
    case 'group':
    case 'display':
    case 'boolean':
    case 'decimal':
    case 'date':
    case 'text':
      return item.type;
    case 'choice':
      return item.repeats ? 'choices' : 'choice';
    case 'integer': {
      // A short bounded scale (NPRS, PSFS: 0-10) is a row of numbered buttons.
      const { min, max } = numberRange(item);
      return min !== undefined && max !== undefined && max - min <= 10 ? 'scale' : 'integer';
    }
    default:
      return 'string';
  }
}

/** Asked now: not switched off by an enableWhen (an unknown condition still asks, as the server does). */
export function isShown(linkId: string, answers: IntakeAnswers, index: QuestionnaireIndex): boolean {
  return resolveAnswer(linkId, answers, index).kind !== 'not_applicable';
}

/** The answers to send: those to questions that are asked, so stale answers to hidden ones stay on the device. */
export function applicableAnswers(answers: IntakeAnswers, index: QuestionnaireIndex): IntakeAnswers {
  const kept: Record<string, IntakeAnswerValue> = {};
  for (const [linkId, value] of Object.entries(answers)) {
    if (value !== undefined && isShown(linkId, answers, index)) kept[linkId] = value;
  }
  return kept;
}

/** The step a question is on, from its outermost group. */
export function stepIndexOf(steps: readonly FormStep[], linkId: string, index: QuestionnaireIndex): number {
  const entry = index.get(linkId);
  const top = entry ? (entry.ancestors[0] ?? entry.item).linkId : linkId;
  const found = steps.findIndex((step) => step.group?.linkId === top || step.items.some((item) => item.linkId === top));
  return Math.max(0, found);
}

export const questionId = (linkId: string) => `q-${linkId}`;
