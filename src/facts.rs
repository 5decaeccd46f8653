//! Facts about training instance types (local storage, accelerators), compiled into the binary
//! from `data/instance-types.tsv` (see `data/README.md` for where the figures come from).

use foldhash::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../data/instance-types.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// Local NVMe instance store: no EBS volume, storage fixed to the instance's capacity.
    Nvme,
    /// No instance store: the job's storage is an EBS volume of `VolumeSizeInGB`.
    EbsOnly,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceType {
    pub name: &'static str,
    pub storage: Storage,
    /// Total local instance storage in GB (0 for EBS-only types).
    pub local_storage_gb: u64,
    pub accelerators: u32,
    pub accelerator_kind: &'static str,
}

static TYPES: LazyLock<HashMap<&'static str, InstanceType>> = LazyLock::new(|| {
    TABLE
        .lines()
        .skip(1)
        .filter_map(parse_row)
        .map(|t| (t.name, t))
        .collect()
});

fn parse_row(line: &'static str) -> Option<InstanceType> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let storage = match *cols.get(1)? {
        "nvme" => Storage::Nvme,
        "ebs-only" => Storage::EbsOnly,
        _ => return None,
    };
    Some(InstanceType {
        name: cols.first()?,
        storage,
        local_storage_gb: cols.get(4)?.parse().ok()?,
        accelerators: cols.get(8)?.parse().unwrap_or(0),
        accelerator_kind: cols.get(9).copied().unwrap_or(""),
    })
}

/// The facts for an instance type such as `ml.p4d.24xlarge`, if the table knows it.
pub fn instance_type(name: &str) -> Option<&'static InstanceType> {
    TYPES.get(name)
}

/// Every instance type in the table.
pub fn all() -> impl Iterator<Item = &'static InstanceType> {
    TYPES.values()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        let rows = TABLE.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(all().count(), rows);
        assert!(rows >= 225);
    }

    #[test]
    fn known_types() {
        let p4d = instance_type("ml.p4d.24xlarge").expect("p4d");
        assert_eq!(p4d.storage, Storage::Nvme);
        assert_eq!(p4d.local_storage_gb, 8000);
        assert_eq!(p4d.accelerators, 8);
        let c5 = instance_type("ml.c5.xlarge").expect("c5");
        assert_eq!(c5.storage, Storage::EbsOnly);
        assert_eq!(c5.local_storage_gb, 0);
    }
}
