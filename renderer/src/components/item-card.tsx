import { useState } from 'react';
import { useStrings } from '../i18n/i18n-context';
import { fill } from '../i18n/strings';

type ItemCardProps = {
  readonly productName: string | null;
  /** A path on the app's own origin; the renderer never loads a picture from anywhere else. */
  readonly productPhoto?: string | undefined;
  readonly slotName?: string | undefined;
};

/**
 * The item being handed out: its photo (decorative, the name is right beside it), its name and its slot. The photo
 * box has a fixed size whether or not the picture loads, so the screen does not shift; a picture that fails to
 * load is hidden rather than shown broken.
 */
export const ItemCard = ({ productName, productPhoto, slotName }: ItemCardProps) => {
  const t = useStrings();
  const [broken, setBroken] = useState<string | null>(null);
  const photo = productPhoto !== undefined && productPhoto.startsWith('media/') && broken !== productPhoto;
  if (productName === null && slotName === undefined && !photo) return null;
  return (
    <div className="item-card">
      {photo ? (
        <img
          className="item-card__photo"
          src={`/${productPhoto}`}
          alt=""
          width={160}
          height={160}
          onError={() => {
            setBroken(productPhoto);
          }}
        />
      ) : null}
      <div className="item-card__text">
        {productName === null ? null : <p className="screen__product">{productName}</p>}
        {slotName === undefined ? null : (
          <p className="item-card__slot">{fill(t.itemFromSlot, { slot: slotName })}</p>
        )}
      </div>
    </div>
  );
};
