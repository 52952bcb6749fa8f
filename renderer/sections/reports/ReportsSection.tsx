import { Placeholder } from '../../components/Placeholder';

export default function ReportsSection() {
  return <Placeholder title="nav.reports" />;
}
