import { useId, type TextareaHTMLAttributes } from 'react';

/** A labelled multi-line field in the kit's look (the kit has none yet). */
export function TextArea({ label, ...props }: { label: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  const id = `rf-${useId()}`;
  return (
    <div className="ui-field rf-wide">
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea {...props} id={id} className="ui-field__control rf-textarea" />
    </div>
  );
}
