//! Resolved references from an item to its place in the plan's structure.
//!
//! A reference is built only by [`Plan::resolve_goal`], [`Plan::resolve_policy`]
//! or [`Plan::resolve_node`], that is by a lookup that found the node, so
//! following one ([`Plan::goal_at`], [`Plan::policy_at`], [`Plan::node_at`])
//! cannot fail for the plan that made it.

use super::Plan;
use super::{Goal, GoalNumber, Item, ItemNumber, Node, NodeNumber, Policy, PolicyNumber};

/// A goal (first-level node) of a plan: its position and number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalRef {
    index: usize,
    number: GoalNumber,
}

/// An item of a plan: its position in [`Plan::items`] and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemRef {
    index: usize,
    number: ItemNumber,
}

impl ItemRef {
    /// The item's number.
    pub fn number(self) -> ItemNumber {
        self.number
    }
}

/// Shows the goal's number.
impl std::fmt::Display for GoalRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.number.fmt(f)
    }
}

/// Shows the item's number.
impl std::fmt::Display for ItemRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.number.fmt(f)
    }
}

/// A policy (second-level node): its goal, its position in the goal and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyRef {
    goal: GoalRef,
    index: usize,
    number: PolicyNumber,
}

/// A third-level node (plans of four levels): its policy, its position in the
/// policy and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeRef {
    policy: PolicyRef,
    index: usize,
    number: NodeNumber,
}

impl GoalRef {
    /// The goal's number.
    pub fn number(self) -> GoalNumber {
        self.number
    }
}

impl PolicyRef {
    /// The policy's number.
    pub fn number(self) -> PolicyNumber {
        self.number
    }

    /// The goal the policy belongs to.
    pub fn goal(self) -> GoalRef {
        self.goal
    }
}

impl NodeRef {
    /// The node's number.
    pub fn number(self) -> NodeNumber {
        self.number
    }

    /// The policy the node belongs to.
    pub fn policy(self) -> PolicyRef {
        self.policy
    }
}

/// Where an item sits in its plan's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// Directly under the plan: a plan of one level.
    Plan,
    /// Under a goal: a plan of two levels.
    Goal(GoalRef),
    /// Under a policy: a plan of three levels.
    Policy(PolicyRef),
    /// Under a third-level node: a plan of four levels.
    Node(NodeRef),
}

impl Parent {
    /// The goal the item belongs to, directly or through its policy or node.
    pub fn goal(self) -> Option<GoalRef> {
        match self {
            Parent::Plan => None,
            Parent::Goal(g) => Some(g),
            Parent::Policy(p) => Some(p.goal),
            Parent::Node(n) => Some(n.policy.goal),
        }
    }

    /// The policy the item belongs to, directly or through its node.
    pub fn policy(self) -> Option<PolicyRef> {
        match self {
            Parent::Plan | Parent::Goal(_) => None,
            Parent::Policy(p) => Some(p),
            Parent::Node(n) => Some(n.policy),
        }
    }

    /// The third-level node the item belongs to.
    pub fn node(self) -> Option<NodeRef> {
        match self {
            Parent::Node(n) => Some(n),
            _ => None,
        }
    }
}

impl Plan {
    /// A reference to the goal with this number, if the plan has one.
    pub(crate) fn resolve_goal(&self, number: u32) -> Option<GoalRef> {
        let index = self.goals.iter().position(|g| g.number == number)?;
        Some(GoalRef {
            index,
            number: GoalNumber(number),
        })
    }

    /// A reference to the policy with this number, if the plan has one.
    pub(crate) fn resolve_policy(&self, number: u32) -> Option<PolicyRef> {
        self.goals.iter().enumerate().find_map(|(gi, g)| {
            let index = g.policies.iter().position(|p| p.number == number)?;
            let goal = GoalRef {
                index: gi,
                number: g.number,
            };
            Some(PolicyRef {
                goal,
                index,
                number: PolicyNumber(number),
            })
        })
    }

    /// A reference to the third-level node with this number, if the plan has one.
    pub(crate) fn resolve_node(&self, number: u32) -> Option<NodeRef> {
        self.goals.iter().enumerate().find_map(|(gi, g)| {
            g.policies.iter().enumerate().find_map(|(pi, p)| {
                let index = p.nodes.iter().position(|n| n.number == number)?;
                let goal = GoalRef {
                    index: gi,
                    number: g.number,
                };
                let policy = PolicyRef {
                    goal,
                    index: pi,
                    number: p.number,
                };
                Some(NodeRef {
                    policy,
                    index,
                    number: NodeNumber(number),
                })
            })
        })
    }

    /// Every goal with its reference, in order.
    pub fn goal_refs(&self) -> impl Iterator<Item = (GoalRef, &Goal)> {
        self.goals.iter().enumerate().map(|(index, g)| {
            let r = GoalRef {
                index,
                number: g.number,
            };
            (r, g)
        })
    }

    /// Every item with its reference, in number order.
    pub fn item_refs(&self) -> impl Iterator<Item = (ItemRef, &Item)> {
        self.items.iter().enumerate().map(|(index, i)| {
            let r = ItemRef {
                index,
                number: i.number,
            };
            (r, i)
        })
    }

    /// The item a reference of this plan points to.
    pub fn item_at(&self, r: ItemRef) -> &Item {
        &self.items[r.index]
    }

    /// The goal a reference of this plan points to.
    pub fn goal_at(&self, r: GoalRef) -> &Goal {
        &self.goals[r.index]
    }

    /// The policy a reference of this plan points to, with its goal.
    pub fn policy_at(&self, r: PolicyRef) -> (&Goal, &Policy) {
        let goal = self.goal_at(r.goal);
        (goal, &goal.policies[r.index])
    }

    /// The third-level node a reference of this plan points to, with its
    /// goal and policy.
    pub fn node_at(&self, r: NodeRef) -> (&Goal, &Policy, &Node) {
        let (goal, policy) = self.policy_at(r.policy);
        (goal, policy, &policy.nodes[r.index])
    }

    /// The goal an item of this plan belongs to (none in a one-level plan).
    pub fn goal_of(&self, item: &super::Item) -> Option<&Goal> {
        item.parent.goal().map(|r| self.goal_at(r))
    }

    /// The policy an item of this plan belongs to (plans of three or four levels).
    pub fn policy_of(&self, item: &super::Item) -> Option<&Policy> {
        item.parent.policy().map(|r| self.policy_at(r).1)
    }

    /// The third-level node an item of this plan belongs to (plans of four levels).
    pub fn node_of(&self, item: &super::Item) -> Option<&Node> {
        item.parent.node().map(|r| self.node_at(r).2)
    }
}
