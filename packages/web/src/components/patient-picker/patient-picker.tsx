import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../lib/i18n/language.ts';
import { patientSearchQuery, type PickedPatient } from './patient-picker-queries.ts';
import { useDebouncedValue } from './use-debounced-value.ts';
import '../ui/ui.css';
import './patient-picker.css';

export interface PatientPickerProps {
  label: ReactNode;
  /** The chosen patient; typing after a choice clears it (onChange(null)). */
  value: PickedPatient | null;
  onChange(patient: PickedPatient | null): void;
  hint?: ReactNode;
  /** Shown under the field and announced; also marks the input aria-invalid. */
  error?: ReactNode;
  required?: boolean;
  /** After a choice the text empties again (a search that moves on, as on the patients page). */
  clearOnSelect?: boolean;
  id?: string;
}

const DEBOUNCE_MS = 250;

/**
 * Find an existing patient by name, phone, email, date of birth or booking reference; recent
 * patients show on focus before anything is typed. The WAI-ARIA 1.2 combobox with a listbox popup
 * (APG "list autocomplete"): focus stays in the input, aria-activedescendant names the option the
 * arrow keys reached, Enter chooses it, Escape closes the list (and only then clears the text), so a
 * receptionist never copies an id from one screen to another.
 */
export function PatientPicker({ label, value, onChange, hint, error, required, clearOnSelect, id }: PatientPickerProps) {
  const { t } = useTranslation('common', { keyPrefix: 'patientPicker' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const autoId = useId();
  const inputId = id ?? `patient-picker-${autoId}`;
  const listId = `${inputId}-list`;
  const captionId = `${inputId}-caption`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;

  const [text, setText] = useState(value && !clearOnSelect ? value.name : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const search = useQuery({ ...patientSearchQuery(q), enabled: open });
  const settled = search.data !== undefined && !search.isPlaceholderData && q === text.trim();
  const options = search.data ?? [];
  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 && active < options.length ? `${listId}-${active}` : undefined;

  useEffect(() => {
    if (activeOption) document.getElementById(activeOption)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function choose(patient: PickedPatient) {
    onChange(patient);
    setText(clearOnSelect ? '' : patient.name);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else if (options.length > 0) setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else if (options.length > 0) setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case 'Enter': {
        // With the list open, Enter belongs to the list, never to the form around it.
        if (!open) break;
        event.preventDefault();
        const picked = options[active] ?? (options.length === 1 && settled ? options[0] : undefined);
        if (picked) choose(picked);
        break;
      }
      case 'Escape':
        // Inside a dialog, the first Escape closes the list, not the dialog.
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (text !== '') {
          event.preventDefault();
          event.stopPropagation();
          setText('');
          if (value) onChange(null);
        }
        break;
      default:
        break;
    }
  }

  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const caption = q === '' ? t('recent') : t('matches');
  const status = !open
    ? ''
    : search.isError
      ? errorText(search.error)
      : !settled
        ? t('searching')
        : options.length === 0
          ? q === ''
            ? t('noRecent')
            : t('noMatch', { q })
          : t('found', { count: options.length });

  return (
    <div className={['ui-field', 'patient-picker', error ? 'ui-field--invalid' : ''].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        className="ui-field__control patient-picker__input"
        // A phone number typed in the Arabic page stays in its written order; a name takes its own direction.
        dir={text ? 'auto' : undefined}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          // A new query is a new list: the arrow keys start again from the top.
          setActive(-1);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {value && !open && !clearOnSelect ? <PatientFacts patient={value} className="patient-picker__chosen" language={language} timeZone={timeZone} /> : null}
      {/* Announced after each search settles: how many, or that nothing matched. */}
      <p className="ui-visually-hidden" role="status">
        {settled || search.isError ? status : ''}
      </p>
      {open ? (
        // Pressing on an option must not blur the input first (which would close the list).
        <div className="patient-picker__popup" onMouseDown={(event) => event.preventDefault()}>
          <p className="patient-picker__caption" id={captionId}>
            {options.length > 0 ? caption : status}
          </p>
          <ul className="patient-picker__list" id={listId} role="listbox" aria-labelledby={captionId} hidden={options.length === 0}>
            {options.map((patient, index) => (
              <li
                key={patient.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={['patient-picker__option', index === active ? 'is-active' : ''].filter(Boolean).join(' ')}
                onClick={() => choose(patient)}
              >
                <span className="patient-picker__name">{patient.name}</span>
                <PatientFacts patient={patient} language={language} timeZone={timeZone} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Date of birth, phone and next visit: what tells two patients with one name apart at the desk. */
function PatientFacts({ patient, language, timeZone, className }: { patient: PickedPatient; language: string; timeZone: string; className?: string }) {
  const { t } = useTranslation('common', { keyPrefix: 'patientPicker' });
  const facts: ReactNode[] = [];
  if (patient.dateOfBirth) facts.push(<span key="dob">{t('born', { date: formatDay(patient.dateOfBirth, language, 'medium') })}</span>);
  if (patient.phone)
    facts.push(
      <span key="phone" dir="ltr">
        {patient.phone}
      </span>,
    );
  facts.push(
    <span key="next">
      {patient.nextVisit ? t('nextVisit', { when: formatInstant(patient.nextVisit, timeZone, language, 'dateTimeCompact') }) : t('noNextVisit')}
    </span>,
  );
  return <span className={['patient-picker__facts', className ?? ''].filter(Boolean).join(' ')}>{facts}</span>;
}
