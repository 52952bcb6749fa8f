import { Placeholder } from '../../components/Placeholder';

export default function MapSection() {
  return <Placeholder title="nav.map" />;
}
