import { Type, type Static } from '@sinclair/typebox';

/**
 * The subset of FHIR R4 Questionnaire and QuestionnaireResponse that the intake uses, plus the
 * consent texts. The Questionnaire schema is strict so a typo in the data fails the test; the
 * QuestionnaireResponse schema is lenient because it validates input from other systems.
 */

const strict = { additionalProperties: false } as const;

const PlainCoding = Type.Object({ system: Type.Optional(Type.String()), code: Type.String(), display: Type.Optional(Type.String()) }, strict);

export const Extension = Type.Object(
  {
    url: Type.String({ minLength: 1 }),
    valueString: Type.Optional(Type.String()),
    valueInteger: Type.Optional(Type.Integer()),
    valueDecimal: Type.Optional(Type.Number()),
    valueBoolean: Type.Optional(Type.Boolean()),
    valueCode: Type.Optional(Type.String()),
    valueCodeableConcept: Type.Optional(Type.Object({ coding: Type.Array(PlainCoding, { minItems: 1 }) }, strict)),
  },
  strict,
);
export type Extension = Static<typeof Extension>;

export const ItemType = Type.Union(
  ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'string', 'text', 'choice'].map((t) => Type.Literal(t)),
);
export type ItemType = Static<typeof ItemType>;

export const EnableWhen = Type.Object(
  {
    question: Type.String(),
    operator: Type.Union(['exists', '=', '!=', '>', '<', '>=', '<='].map((op) => Type.Literal(op))),
    answerBoolean: Type.Optional(Type.Boolean()),
    answerDecimal: Type.Optional(Type.Number()),
    answerInteger: Type.Optional(Type.Integer()),
    answerDate: Type.Optional(Type.String()),
    answerString: Type.Optional(Type.String()),
    answerCoding: Type.Optional(PlainCoding),
  },
  strict,
);
export type EnableWhen = Static<typeof EnableWhen>;

export const AnswerOption = Type.Object(
  {
    valueCoding: Type.Object(
      {
        system: Type.Optional(Type.String()),
        code: Type.String({ minLength: 1 }),
        display: Type.String({ minLength: 1 }),
        extension: Type.Optional(Type.Array(Extension)),
      },
      strict,
    ),
  },
  strict,
);

export const QuestionnaireItem = Type.Recursive(
  (This) =>
    Type.Object(
      {
        linkId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
        text: Type.String({ minLength: 1 }),
        type: ItemType,
        extension: Type.Optional(Type.Array(Extension)),
        required: Type.Optional(Type.Boolean()),
        repeats: Type.Optional(Type.Boolean()),
        readOnly: Type.Optional(Type.Boolean()),
        maxLength: Type.Optional(Type.Integer()),
        enableWhen: Type.Optional(Type.Array(EnableWhen, { minItems: 1 })),
        enableBehavior: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('any')])),
        answerOption: Type.Optional(Type.Array(AnswerOption, { minItems: 1 })),
        item: Type.Optional(Type.Array(This, { minItems: 1 })),
      },
      strict,
    ),
  { $id: 'QuestionnaireItem' },
);
export type QuestionnaireItem = Static<typeof QuestionnaireItem>;

export const Questionnaire = Type.Object(
  {
    resourceType: Type.Literal('Questionnaire'),
    id: Type.String(),
    url: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    name: Type.String(),
    title: Type.String(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('retired'), Type.Literal('unknown')]),
    date: Type.Optional(Type.String()),
    publisher: Type.Optional(Type.String()),
    language: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    extension: Type.Optional(Type.Array(Extension)),
    item: Type.Array(QuestionnaireItem, { minItems: 1 }),
  },
  strict,
);
export type Questionnaire = Static<typeof Questionnaire>;

const ResponseCoding = Type.Object({
  system: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  display: Type.Optional(Type.String()),
});

export const QuestionnaireResponseItem = Type.Recursive(
  (This) =>
    Type.Object({
      linkId: Type.String(),
      text: Type.Optional(Type.String()),
      answer: Type.Optional(
        Type.Array(
          Type.Object({
            valueBoolean: Type.Optional(Type.Boolean()),
            valueDecimal: Type.Optional(Type.Number()),
            valueInteger: Type.Optional(Type.Integer()),
            valueDate: Type.Optional(Type.String()),
            valueDateTime: Type.Optional(Type.String()),
            valueString: Type.Optional(Type.String()),
            valueCoding: Type.Optional(ResponseCoding),
            item: Type.Optional(Type.Array(This)),
          }),
        ),
      ),
      item: Type.Optional(Type.Array(This)),
    }),
  { $id: 'QuestionnaireResponseItem' },
);
export type QuestionnaireResponseItem = Static<typeof QuestionnaireResponseItem>;

export const QuestionnaireResponse = Type.Object({
  resourceType: Type.Literal('QuestionnaireResponse'),
  id: Type.Optional(Type.String()),
  questionnaire: Type.Optional(Type.String()),
  status: Type.Union(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'].map((s) => Type.Literal(s))),
  authored: Type.Optional(Type.String()),
  item: Type.Optional(Type.Array(QuestionnaireResponseItem)),
});
export type QuestionnaireResponse = Static<typeof QuestionnaireResponse>;

/** One language of one version of the treatment consent. */
export const ConsentText = Type.Object(
  {
    version: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    language: Type.Union([Type.Literal('en'), Type.Literal('ar')]),
    title: Type.String({ minLength: 1 }),
    body: Type.String({ minLength: 200 }),
  },
  strict,
);
export type ConsentText = Static<typeof ConsentText>;
export const ConsentFile = Type.Array(ConsentText, { minItems: 2 });
