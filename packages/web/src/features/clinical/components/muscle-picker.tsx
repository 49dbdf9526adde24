import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { type MuscleDto } from '../api/clinical-api.ts';
import { musclesQuery } from '../api/clinical-queries.ts';
import { useLabels } from '../lib/clinical-lookup.tsx';
import { useDebouncedValue } from '../lib/use-debounced-value.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';

/** Type to search muscles by name (English or Arabic) or alias; pick one from the list. */
export function MusclePicker({ value, onChange, label }: { value: string; onChange: (muscleId: string) => void; label: string }) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const { muscleName } = useLabels();
  const id = useId();
  const [text, setText] = useState(value ? muscleName(value) : '');
  const [open, setOpen] = useState(false);
  const query = useDebouncedValue(text.trim(), 200);

  // Show the chosen muscle's name (in the current language); typing clears the choice.
  useEffect(() => {
    if (value) setText(muscleName(value));
  }, [value, muscleName]);

  const searching = open && query !== '' && !(value && query === muscleName(value));
  const found = useQuery({ ...musclesQuery(query), enabled: searching });
  // A failed search offers nothing to pick, as an empty one does.
  const results = searching && found.data ? found.data.slice(0, 8) : [];

  const choose = (muscle: MuscleDto) => {
    onChange(muscle.id);
    setText(muscle.name[language]);
    setOpen(false);
  };

  return (
    <div className="muscle-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={`${id}-results`}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={t('muscle.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (value) onChange('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && results[0]) {
            event.preventDefault();
            choose(results[0]);
          }
          if (event.key === 'Escape') setOpen(false);
        }}
      />
      {open && results.length > 0 && (
        <ul id={`${id}-results`} role="listbox" className="muscle-picker__results">
          {results.map((muscle) => (
            <li key={muscle.id} role="option" aria-selected={muscle.id === value}>
              <button type="button" onClick={() => choose(muscle)}>
                <span>{muscle.name[language]}</span>
                <MutedText as="span" size="sm">
                  {muscle.name[language === 'ar' ? 'en' : 'ar']}
                </MutedText>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
