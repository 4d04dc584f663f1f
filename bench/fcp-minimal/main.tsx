import { createRoot } from 'react-dom/client';
import { Button } from 'antd';

// The reference page of the first-contentful-paint bench: React and one antd Button, nothing else.
createRoot(document.getElementById('root')!).render(<Button type="primary">登录</Button>);
