import { Placeholder } from '../../components/Placeholder';

export default function RainSection() {
  return <Placeholder title="nav.rain" />;
}
