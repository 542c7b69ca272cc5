import { parseMetrics, perEventReport, workerReport } from '../../bench/server-metrics';

const text = (updates: number, updateSeconds: number, closes: number, tasks: number) => `
# HELP persistence_requests persistence_requests counter
persistence_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${updates}
persistence_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="frontend"} 1
persistence_latency_sum{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${updateSeconds}
visibility_persistence_latency_count{operation="RecordWorkflowExecutionClosed",visibility_type="standard"} ${closes}
visibility_persistence_latency_sum{operation="RecordWorkflowExecutionClosed",visibility_type="standard"} ${closes * 0.01}
cache_requests{cache_type="mutablestate",operation="HistoryCacheGetOrCreate"} 10
cache_miss{cache_type="mutablestate",operation="HistoryCacheGetOrCreate"} 5
service_requests{operation="UpdateWorkflowExecution",service_name="frontend"} ${updates}
service_requests{operation="UpdateWorkflowExecution",service_name="history"} 99
temporal_workflow_task_execution_latency_sum{namespace="default",task_queue="q",workflow_type="w"} ${tasks * 4}
temporal_workflow_task_execution_latency_count{namespace="default",task_queue="q",workflow_type="w"} ${tasks}
temporal_workflow_task_execution_latency_bucket{le="10",namespace="default",task_queue="q",workflow_type="w"} ${tasks}
temporal_sticky_cache_miss{namespace="default",task_queue="other",workflow_type="w"} 7
not_a_series 3
`;

describe('bench server metrics', () => {
  it('sums a series over the labels it does not key by; keeps the frontend’s calls and the worker’s series by task queue', () => {
    const sample = parseMetrics(text(4, 0.2, 2, 3));
    expect(sample.get('persistence_requests|UpdateWorkflowExecution')).toBe(5);
    expect(sample.get('service_requests|UpdateWorkflowExecution')).toBe(4);
    expect(sample.get('cache_miss|mutablestate HistoryCacheGetOrCreate')).toBe(5);
    expect(sample.get('temporal_workflow_task_execution_latency_count|q')).toBe(3);
    expect(sample.get('temporal_sticky_cache_miss|other')).toBe(7);
    expect([...sample.keys()].some((k) => k.startsWith('not_a_series'))).toBe(false);
  });

  it('reports per event what changed between two samples', () => {
    const before = parseMetrics(text(4, 0.2, 2, 3));
    const after = parseMetrics(text(24, 1.2, 12, 13));
    const lines = perEventReport('proef', before, after, 10).join('\n');
    // 20 more updates in 1.0 s over 10 events: 2 calls and 100 ms per event.
    expect(lines).toContain('| persistence | UpdateWorkflowExecution | 2.00 | 100.00 |');
    expect(lines).toContain('| visibility | RecordWorkflowExecutionClosed | 1.00 | 10.00 |');
    expect(lines).toContain('| frontend call | UpdateWorkflowExecution | 2.00 | |');
    const worker = workerReport('proef', 'q', before, after, 10).join('\n');
    expect(worker).toContain('| temporal_workflow_task_execution_latency_count | 1.00 |');
    expect(worker).toContain('| temporal_workflow_task_execution_latency_sum | 4.00 |');
    expect(worker).not.toContain('sticky');
  });
});
