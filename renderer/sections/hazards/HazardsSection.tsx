import { Placeholder } from '../../components/Placeholder';

export default function HazardsSection() {
  return <Placeholder title="nav.hazards" />;
}
