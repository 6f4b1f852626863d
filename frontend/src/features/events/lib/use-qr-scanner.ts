// The scanner as a hook: the camera is on while `active` (the dialog is open) and the component is
// mounted, and off otherwise; the status starts at 'starting' (mount afresh for each opening).
import { useCallback, useEffect, useRef, useState } from 'react';
import { startScanner, type ScanStatus } from './qr-scanner';

export function useQrScanner(active: boolean, onValue: (value: string) => Promise<void> | void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<ScanStatus>('starting');
  const [attempt, setAttempt] = useState(0);
  const onValueRef = useRef(onValue);
  useEffect(() => {
    onValueRef.current = onValue;
  }, [onValue]);

  useEffect(() => {
    if (!active) return;
    const scanner = startScanner({ video: () => videoRef.current, onValue: (value) => onValueRef.current(value), onStatus: setStatus });
    return () => scanner.stop();
  }, [active, attempt]);

  const retry = useCallback(() => {
    setStatus('starting');
    setAttempt((n) => n + 1);
  }, []);

  return { videoRef, status, retry };
}
