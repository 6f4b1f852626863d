// A link that looks like a button: one focusable element (never a button inside a link), opened
// in the app without a page load, and still a real link (new tab, copy address).
import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

export function LinkButton({ to, ...props }: Omit<ButtonProps, 'href'> & { to: string }) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
