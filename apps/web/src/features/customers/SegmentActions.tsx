import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '@touchpoint/shared';
import { api, ws } from '../../lib/api';
import { navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/Toast';
import { segmentPath, segmentsListPath } from './use-segments';

/**
 * What a writer can do with a saved segment besides editing it: freeze its members into a static
 * copy, re-evaluate a live one now (instead of waiting for the hourly pass), delete it.
 */
export function SegmentActions({ wid, segment, onChanged }: { wid: string; segment: Segment; onChanged: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState<'snapshot' | 'rebuild' | 'delete' | null>(null);
  const [confirm, setConfirm] = useState(false);

  async function run(what: 'snapshot' | 'rebuild' | 'delete') {
    setBusy(what);
    try {
      if (what === 'snapshot') {
        const copy = await api<Segment>(ws(wid, 'segments', segment.id, 'snapshot'), { method: 'POST', body: {} });
        toast.success(t('segments.actions.snapshotDone', { name: copy.name }));
        navigate(segmentPath(wid, copy.id));
      } else if (what === 'rebuild') {
        await api(ws(wid, 'segments', segment.id, 'rebuild'), { method: 'POST', body: {} });
        toast.success(t('segments.actions.rebuildStarted'));
        onChanged();
      } else {
        await api(ws(wid, 'segments', segment.id), { method: 'DELETE' });
        toast.success(t('segments.actions.deleted', { name: segment.name }));
        navigate(segmentsListPath(wid));
      }
    } catch (err) {
      toast.error(err);
    } finally {
      setBusy(null);
      setConfirm(false);
    }
  }

  return (
    <>
      <Button onClick={() => void run('snapshot')} busy={busy === 'snapshot'} disabled={segment.status === 'building'} testId="segment-snapshot"
        title={segment.status === 'building' ? t('segments.actions.waitForBuild') : t('segments.actions.snapshotHint')}>
        {t('segments.actions.snapshot')}
      </Button>
      {segment.kind === 'live' && (
        <Button onClick={() => void run('rebuild')} busy={busy === 'rebuild'} testId="segment-rebuild" title={t('segments.actions.rebuildHint')}>
          {t('segments.actions.rebuild')}
        </Button>
      )}
      <Button variant="danger" onClick={() => setConfirm(true)} testId="segment-delete">{t('common.delete')}</Button>
      <Modal open={confirm} onClose={() => setConfirm(false)} title={t('segments.actions.deleteTitle', { name: segment.name })} testId="segment-delete-dialog"
        footer={<>
          <Button onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={busy === 'delete'} onClick={() => void run('delete')} testId="segment-delete-confirm">{t('common.delete')}</Button>
        </>}>
        <p>{t('segments.actions.deleteText')}</p>
      </Modal>
    </>
  );
}
