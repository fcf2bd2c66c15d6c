// Service calls a function makes while it runs (`calls:`): an invocation of such a function is
// a chain of steps — its `when: before` calls, the handler's own time, then the other calls —
// each scheduled when the previous one answers. One event per step is pending at a time, so the
// function timeout can cut the chain anywhere. A call takes effect when it is made (the object
// is stored, the message sent); its latency is the time the function waits for the answer.
#include <cassert>

#include <boost/random/bernoulli_distribution.hpp>

#include "lambdasim/model/lambda_model.hpp"
#include "lambdasim/model/sdk_backoff.hpp"

namespace lambdasim {

LambdaModel::OwnerUnit LambdaModel::owner_unit(const Environment& env) const {
    switch (static_cast<OwnerKind>(env.owner_kind)) {
    case OwnerKind::SyncRequest: {
        const Request& r = requests_[env.request];
        return {r.source, r.first_attempt, false};
    }
    case OwnerKind::AsyncEvent: {
        const AsyncEvent& e = async_events_[env.request];
        return {e.source, e.origin, e.accounted};
    }
    case OwnerKind::Batch: {
        // A call made once per batch descends from the batch's first message that its flow
        // still counts (the others may be dead-letter copies, already counted as lost).
        const Batch& b = batches_[env.request];
        const SqsQueue& queue = queues_[mappings_[b.mapping].queue].queue;
        for (const MessageIndex m : b.messages)
            if (!queue[m].accounted) return {queue[m].source, queue[m].origin, false};
        const Message& first = queue[b.messages.front()];
        return {first.source, first.origin, true};
    }
    }
    return {};
}

void LambdaModel::begin_call_plan(std::uint32_t function, EnvironmentIndex index, SimTime init_phase) {
    Environment& env = functions_[function].pool[index];
    env.step = 0;
    env.call_attempt = 0;
    // Taken now: a synchronous request answered early (API Gateway's 504) frees its slot while
    // the function runs on and makes its calls.
    const OwnerUnit owner = owner_unit(env);
    env.owner_source = owner.source;
    env.owner_origin = owner.origin;
    env.owner_accounted = owner.accounted;
    // The function timeout counts from the end of init, like the handler's own time.
    env.deadline = env.invocation_start + functions_[function].spec->timeout;
    simulator_.schedule_in(init_phase, handler_, CallStep, pack(function, index), env.generation);
}

void LambdaModel::call_step(std::uint32_t function, EnvironmentIndex index, std::uint32_t generation) {
    const CallPlan& plan = call_plans_[function];
    FunctionCounts& counts = recorder_.function(function).period;
    const std::size_t done = plan.step_count();
    std::size_t step = functions_[function].pool[index].step;
    assert(functions_[function].pool[index].busy && functions_[function].pool[index].generation == generation);
    (void)generation;
    SimTime wait = 0;
    if (step == plan.handler_step) {
        wait = functions_[function].pool[index].handler_time;
        ++step;
    } else {
        PlannedCall& call = call_plans_[function].steps[step < plan.handler_step ? step : step - 1];
        ++counts.calls;
        bool forwarded = false;
        // make_call may start other invocations, which can grow this function's pool: the
        // environment is looked up again after it.
        Environment& caller = functions_[function].pool[index];
        // The item a table call reads or writes is chosen once: its retries go to the same key.
        if (caller.call_attempt == 0) caller.call_to_hot_key = to_hot_key(call);
        const CallResult result = make_call(call, {caller.owner_source, caller.owner_origin, caller.owner_accounted},
                                            caller.call_to_hot_key, forwarded);
        Environment& env = functions_[function].pool[index];
        env.forwarded = env.forwarded || forwarded;
        // Even a refused attempt waits for its answer.
        wait = from_seconds(call.latency.sample(call.latency_rng));
        if (result == CallResult::Done) {
            ++step;
            env.call_attempt = 0;
        } else if (result == CallResult::Throttled && ++env.call_attempt < call.spec->retries.max_attempts) {
            ++counts.calls_throttled;
            wait += sdk_backoff(call.spec->retries, env.call_attempt, call.retry_rng);
        } else {
            if (result == CallResult::Throttled) ++counts.calls_throttled;
            ++counts.calls_failed;
            // The SDK raises in the handler: the invocation ends as a function error when the
            // answer arrives.
            env.outcome = static_cast<std::uint8_t>(InvocationOutcome::FunctionError);
            env.raised = true;
            step = done;
        }
    }
    Environment& env = functions_[function].pool[index];
    env.step = static_cast<std::uint16_t>(step);
    // (Compared as a difference: a huge `wait` must not overflow.)
    if (wait > env.deadline - simulator_.now()) {
        env.outcome = static_cast<std::uint8_t>(InvocationOutcome::Timeout);
        simulator_.schedule_at(env.deadline, handler_, InvocationEnd, pack(function, index), env.generation);
        return;
    }
    simulator_.schedule_in(wait, handler_, step == done ? InvocationEnd : CallStep, pack(function, index), env.generation);
}

bool LambdaModel::to_hot_key(const PlannedCall& call) {
    if (call.spec->kind != CallSpec::Kind::TableWrite && call.spec->kind != CallSpec::Kind::TableRead) return false;
    TableRuntime& table = tables_[call.target];
    return table.hot_key_share > 0 &&
           boost::random::bernoulli_distribution<double>(table.hot_key_share)(table.key_rng);
}

LambdaModel::CallResult LambdaModel::make_call(PlannedCall& call, const OwnerUnit& owner, bool hot_key,
                                               bool& forwarded) {
    const SimTime now = simulator_.now();
    FlowCounts& flow = recorder_.entry_point(owner.source).period.flow;
    switch (call.spec->kind) {
    case CallSpec::Kind::BucketPut:
        if (!store_object(call.target)) return CallResult::Throttled;
        forwarded = notify_object_created(call.target, owner.source, owner.origin, owner.accounted) > 0;
        return CallResult::Done;
    case CallSpec::Kind::BucketGet: return read_object(call.target) ? CallResult::Done : CallResult::Throttled;
    case CallSpec::Kind::TableWrite:
    case CallSpec::Kind::TableRead: {
        const bool write = call.spec->kind == CallSpec::Kind::TableWrite;
        TableRuntime& table = tables_[call.target];
        TableCounts& counts = recorder_.table(call.target).period;
        const int units = call.spec->units;
        TokenBucket& partition = write ? table.hot_key_writes : table.hot_key_reads;
        // A request to the hot key needs room in its partition as well as in the table.
        const bool partition_full = hot_key && !partition.available(now, units);
        if (partition_full || !(write ? table.writes : table.reads).try_consume(now, units)) {
            // ProvisionedThroughputExceededException: the SDK retries it.
            ++(write ? counts.write_throttles : counts.read_throttles);
            if (partition_full) ++counts.hot_key_throttles;
            return CallResult::Throttled;
        }
        if (hot_key) partition.try_take(now, units);
        ++(write ? counts.writes : counts.reads);
        (write ? counts.write_units : counts.read_units) += static_cast<std::uint64_t>(units);
        return CallResult::Done;
    }
    case CallSpec::Kind::Publish: {
        const double payload = call.payload.sample(call.payload_rng);
        forwarded = publish(call.target, owner.source, owner.origin, payload, owner.accounted) > 0;
        return CallResult::Done;
    }
    case CallSpec::Kind::Send:
        if (!owner.accounted) ++flow.created;
        send_message(call.target, owner.source, owner.origin, owner.accounted);
        forwarded = true;
        return CallResult::Done;
    case CallSpec::Kind::Invoke: {
        const double payload = call.payload.sample(call.payload_rng);
        // An asynchronous Invoke above the payload limit is refused with 413
        // (RequestEntityTooLargeException); the SDK does not retry it.
        if (payload > functions_[call.target].spec->async.payload_limit_bytes) return CallResult::Failed;
        if (!owner.accounted) ++flow.created;
        invoke_async(call.target, owner.source, owner.origin, payload, owner.accounted);
        forwarded = true;
        return CallResult::Done;
    }
    }
    return CallResult::Failed;
}

}  // namespace lambdasim
