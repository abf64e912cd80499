import { Item, STATUS_LABEL } from '../types';

/** Status in words, and "achterstallig" stands out (in text too, not by colour alone). */
export function StatusLabel({ item }: { item: Pick<Item, 'status' | 'achterstallig'> }) {
  return (
    <span className="status">
      <span className={`status__label status__label--${item.status}`}>{STATUS_LABEL[item.status]}</span>
      {item.achterstallig && <span className="status__achterstallig">Achterstallig</span>}
    </span>
  );
}
