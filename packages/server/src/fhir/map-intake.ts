import type {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { TEXT_AR_EXTENSION } from '@myomap/domain/screening/questionnaire-extensions';
import type {
  Extension as OurExtension,
  Questionnaire as OurQuestionnaire,
  QuestionnaireItem as OurItem,
  QuestionnaireResponse as OurResponse,
} from '@myomap/domain/screening/questionnaire-schemas';
import { arabic } from './fhir-codes.ts';
import { isoInstant, ref } from './fhir-references.ts';

/**
 * The intake Questionnaire and its responses. Ours is already FHIR-shaped, with the Arabic text
 * in our own `text-ar` extension; here it becomes the standard translation extension on `_text`,
 * `_title` and each option's `_display`. A response keeps the Questionnaire's group structure (we
 * store it flat, by linkId) and its coded answers carry the options' system and display.
 */

function arabicOf(extension: readonly OurExtension[] | undefined): string | undefined {
  return extension?.find((e) => e.url === TEXT_AR_EXTENSION)?.valueString;
}

function otherExtensions(extension: readonly OurExtension[] | undefined) {
  const rest = (extension ?? []).filter((e) => e.url !== TEXT_AR_EXTENSION);
  return rest.length > 0 ? { extension: rest as Questionnaire['extension'] } : {};
}

function toOption(option: NonNullable<OurItem['answerOption']>[number]): QuestionnaireItemAnswerOption {
  const { extension, ...coding } = option.valueCoding;
  const display = arabic(arabicOf(extension));
  return { valueCoding: { ...coding, ...(display ? { _display: display } : {}) } };
}

function toQuestionnaireItem(item: OurItem): QuestionnaireItem {
  const { extension, answerOption, item: children, text, ...rest } = item;
  const textAr = arabic(arabicOf(extension));
  return {
    ...rest,
    text,
    ...(textAr ? { _text: textAr } : {}),
    ...otherExtensions(extension),
    ...(answerOption ? { answerOption: answerOption.map(toOption) } : {}),
    ...(children ? { item: children.map(toQuestionnaireItem) } : {}),
  } as QuestionnaireItem;
}

/** Our note on where the Arabic lives no longer holds in this form; it says where it is here. */
const LANGUAGES_NOTE = /Languages: .*?mechanical\. /s;
const FHIR_LANGUAGES_NOTE =
  "Languages: English in `text`; Arabic in the standard translation extension (http://hl7.org/fhir/StructureDefinition/translation) on each item's `_text`, each option's `_display` and this resource's `_title`. ";

export function toQuestionnaire(questionnaire: OurQuestionnaire): Questionnaire {
  const { extension, item, title, description, ...rest } = questionnaire;
  const titleAr = arabic(arabicOf(extension));
  return {
    ...rest,
    ...(description ? { description: description.replace(LANGUAGES_NOTE, FHIR_LANGUAGES_NOTE) } : {}),
    title,
    ...(titleAr ? { _title: titleAr } : {}),
    ...otherExtensions(extension),
    item: item.map(toQuestionnaireItem),
  } as Questionnaire;
}

export interface QuestionnaireResponseRow {
  id: string;
  patient_id: string;
  status: 'completed' | 'in-progress';
  appointmentId: string | null;
  language: string;
  response: OurResponse;
  authored: Date;
}

type Answer = QuestionnaireResponseItemAnswer;

/** A stored answer with the system and display its option has in the Questionnaire. */
function completeAnswer(answer: Answer, item: OurItem): Answer {
  if (!answer.valueCoding) return answer;
  const option = item.answerOption?.find((o) => o.valueCoding.code === answer.valueCoding?.code)?.valueCoding;
  const coding: Coding = { ...answer.valueCoding, ...(option?.system ? { system: option.system } : {}), ...(option ? { display: option.display } : {}) };
  return { valueCoding: coding };
}

/** The response's answers placed back under the Questionnaire's groups; empty groups are left out. */
function nest(items: readonly OurItem[], answers: ReadonlyMap<string, Answer[]>): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const item of items) {
    if (item.type === 'group') {
      const children = nest(item.item ?? [], answers);
      if (children.length > 0) out.push({ linkId: item.linkId, text: item.text, item: children });
      continue;
    }
    const given = answers.get(item.linkId);
    if (given && given.length > 0) out.push({ linkId: item.linkId, text: item.text, answer: given.map((a) => completeAnswer(a, item)) });
  }
  return out;
}

export function toQuestionnaireResponse(row: QuestionnaireResponseRow, questionnaire: OurQuestionnaire): QuestionnaireResponse {
  const answers = new Map<string, Answer[]>();
  for (const item of row.response.item ?? []) if (item.answer) answers.set(item.linkId, item.answer);
  return {
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    language: row.language,
    questionnaire: `${questionnaire.url}|${questionnaire.version}`,
    status: row.status,
    subject: ref('Patient', row.patient_id),
    authored: isoInstant(row.authored) as string,
    source: ref('Patient', row.patient_id),
    item: nest(questionnaire.item, answers),
  };
}
