import { Placeholder } from '../../components/Placeholder';

export default function DutySection() {
  return <Placeholder title="nav.duty" />;
}
