import { Placeholder } from '../../components/Placeholder';

export default function EvacSection() {
  return <Placeholder title="nav.evac" />;
}
