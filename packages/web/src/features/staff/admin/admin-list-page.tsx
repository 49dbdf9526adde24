import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Table } from '../../../components/ui/table.tsx';

export interface Editing<F> {
  id?: string;
  fields: F;
}

/** Which row the edit dialog holds, and the "Saved" notice shown after a save (which refetches the list). */
export function useAdminEditing<F>() {
  const { t } = useTranslation('staff');
  const [editing, setEditing] = useState<Editing<F>>();
  const [notice, setNotice] = useState<string>();
  return {
    editing,
    notice,
    edit: (next: Editing<F>) => setEditing(next),
    close: () => setEditing(undefined),
    saved: () => {
      setEditing(undefined);
      setNotice(t('common.saved'));
    },
  };
}

/** The frame of an admin list: header with an Add button, notices, the table once loaded, and the edit dialog. */
export function AdminListPage(props: {
  title: string;
  subtitle: string;
  addLabel: string;
  onAdd: () => void;
  narrow?: boolean;
  notice: string | undefined;
  error: ReactNode;
  loaded: boolean;
  /** The table's head and body. */
  children: ReactNode;
  dialogTitle: string;
  /** The edit form, or null when the dialog is closed. */
  dialog: ReactNode;
  onCloseDialog: () => void;
}) {
  const { t } = useTranslation(['staff', 'common']);
  return (
    <section className={props.narrow ? 'st-page st-page-narrow' : 'st-page'}>
      <PageHeader
        eyebrow={t('eyebrow.admin')}
        title={props.title}
        subtitle={props.subtitle}
        actions={<Button onClick={props.onAdd}>{props.addLabel}</Button>}
      />
      {props.notice ? <Alert tone="success">{props.notice}</Alert> : null}
      {props.error ? <Alert tone="error">{props.error}</Alert> : null}
      {!props.loaded ? <LoadingState label={t('common:loading')} /> : <Table stackOnPhone>{props.children}</Table>}
      <ModalDialog open={props.dialog !== null} title={props.dialogTitle} closeLabel={t('common:actions.close')} onClose={props.onCloseDialog}>
        {props.dialog}
      </ModalDialog>
    </section>
  );
}
