import { useEffect, useState } from 'react';
import { vraag } from '../api';

/**
 * The signed-in user's e-mail address, when the register knows one (GET /api/ik): "Mijn items" is
 * the register filtered on it as behandelaar. Asked once per page, so a session from before the
 * address was added still gets it.
 */
export function useMijnEmail(): string | undefined {
  const [email, setEmail] = useState<string | undefined>(undefined);
  useEffect(() => {
    let actueel = true;
    vraag<{ email?: string }>('/api/ik')
      .then((ik) => actueel && setEmail(ik.email))
      .catch(() => undefined);
    return () => {
      actueel = false;
    };
  }, []);
  return email;
}
