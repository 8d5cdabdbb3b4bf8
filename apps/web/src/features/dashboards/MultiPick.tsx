import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';

interface Props {
  label: string;
  /** What the button says when nothing is picked ("All surveys"). */
  allLabel: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  testId: string;
}

/** A dropdown of checkboxes: several surveys or channels at once; none picked means all. */
export function MultiPick({ label, allLabel, options, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const picked = options.filter((o) => value.includes(o.value));
  const summary = !picked.length ? allLabel : picked.length === 1 ? picked[0].label : t('dashboards.filters.nPicked', { count: picked.length, label });
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <Menu
      testId={testId}
      buttonLabel={`${label}: ${summary}`}
      button={<span className="pick-toggle"><span className="pick-label">{summary}</span><Icon name="chevron" size={14} /></span>}
    >
      {() => (
        <>
          <p className="menu-label">{label}</p>
          <div className="pick-list">
            {options.map((o) => (
              <label key={o.value} className="menu-item pick-item" data-testid={`${testId}-option`}>
                <span className="check">
                  <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} value={o.value} />
                  <span>{o.label}</span>
                </span>
              </label>
            ))}
          </div>
          {value.length > 0 && (
            <>
              <div className="menu-sep" />
              <button type="button" className="menu-item" onClick={() => onChange([])} data-testid={`${testId}-clear`}>{allLabel}</button>
            </>
          )}
        </>
      )}
    </Menu>
  );
}
