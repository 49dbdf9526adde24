import { useEffect, useState, type InputHTMLAttributes } from 'react';

interface NumberInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'min' | 'max' | 'type'> {
  value: number;
  min: number;
  max: number;
  onValue: (value: number) => void;
}

/**
 * A number box that lets the user type freely and commits only values inside [min, max]; on
 * leaving the box an out-of-range entry is pulled back into range.
 */
export function NumberInput({ value, min, max, onValue, onBlur, step = 1, ...rest }: NumberInputProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parse = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={step}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parse(event.target.value);
        if (Number.isFinite(parsed) && parsed >= min && parsed <= max) onValue(parsed);
      }}
      onBlur={(event) => {
        const parsed = parse(text);
        const next = Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : value;
        setText(String(next));
        if (next !== value) onValue(next);
        onBlur?.(event);
      }}
    />
  );
}
